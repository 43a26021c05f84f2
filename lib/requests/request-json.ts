import type { Wire } from "@/lib/http/wire";
import type { DeploymentRequestView } from "./list-deployment-requests";

/** A deployment request as the browser receives it. */
export type DeploymentRequestJson = Wire<DeploymentRequestView>;
