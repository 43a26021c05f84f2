import { z } from "zod";

/** The deploy dialog's confirmation; a request without it is unconfirmed, and refused for production. */
export const confirmedSchema = z.boolean({ error: "Say whether the deployment is confirmed." }).default(false);
