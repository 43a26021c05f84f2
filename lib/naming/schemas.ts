import { z } from "zod";
import { NAMING_CONVENTION_VALUES } from "./conventions";

/** Shared by the project settings form and the server action that saves the setting. */
export const namingConventionSchema = z.enum(NAMING_CONVENTION_VALUES, { error: "Choose a naming convention." });
