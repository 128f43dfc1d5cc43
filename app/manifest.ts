import type { MetadataRoute } from "next";

/** The web app manifest (served at /manifest.webmanifest): name, colours and icons for "add to home screen". */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Headroom",
    short_name: "Headroom",
    description: "Capacity planning and cost modeling for data-pipeline infrastructure.",
    start_url: "/workloads",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0f172a",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
