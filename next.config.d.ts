// Types of next.config.js for the code that imports it (the security-headers test).
import type { NextConfig } from "next";

declare const nextConfig: NextConfig;
export default nextConfig;
