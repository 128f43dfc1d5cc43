/** The sign-in form's schema, shared by the form (field names) and its server action. */
import { z } from "zod";

export const SignInFormSchema = z.object({
  email: z.string({ error: "Enter your e-mail address." }).trim().toLowerCase().email("Enter an e-mail address, e.g. ada@example.com.").max(254),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});
