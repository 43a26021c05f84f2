import "monaco-editor/language/css/css.worker.js";
import { announceLoaded } from "./loaded";

announceLoaded();
