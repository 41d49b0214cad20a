// Models from MODELS_FILE belong to the file: the admin console shows them but every change is refused (409).

export const FILE_MANAGED_MESSAGE = "This model comes from MODELS_FILE and cannot be changed here: edit the file (it is read at every start of the server).";

export const DEFAULT_FROM_FILE = "The default model is set in MODELS_FILE: change the default in the file.";
