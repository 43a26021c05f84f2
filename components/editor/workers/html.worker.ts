import "monaco-editor/language/html/html.worker.js";
import { announceLoaded } from "./loaded";

announceLoaded();
