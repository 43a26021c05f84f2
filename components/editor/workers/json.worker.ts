import "monaco-editor/language/json/json.worker.js";
import { announceLoaded } from "./loaded";

announceLoaded();
