import "monaco-editor/editor/editor.worker.js";
import { announceLoaded } from "./loaded";

announceLoaded();
