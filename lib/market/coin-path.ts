// On their own, so the ticker's browser bundle need not carry the known coins.

/** The market table. */
export const MARKETS_PATH = "/coins";

/** The address of a coin's page. */
export const coinPath = (id: string) => `${MARKETS_PATH}/${id}`;
