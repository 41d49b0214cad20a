/** Conversations per sidebar page: the server renders the first, the browser fetches the rest. */
export const CONVERSATION_PAGE_SIZE = 50;
