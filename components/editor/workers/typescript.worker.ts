import "monaco-editor/language/typescript/ts.worker.js";
import { announceLoaded } from "./loaded";

announceLoaded();
