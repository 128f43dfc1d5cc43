/** The scenario entity: a name, a description and the model's `ScenarioSpecSchema`. */
import { z } from "zod";

import { ScenarioSpecSchema } from "@/lib/model/schemas";

import { DescriptionSchema, EntityNameSchema } from "./workload";

export const ScenarioInputSchema = z.object({ name: EntityNameSchema, description: DescriptionSchema, spec: ScenarioSpecSchema });
export type ScenarioInput = z.output<typeof ScenarioInputSchema>;
export type ScenarioInputInput = z.input<typeof ScenarioInputSchema>;
