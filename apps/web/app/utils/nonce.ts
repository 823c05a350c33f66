/**
 * The Content-Security-Policy nonce of the current response, handed from the server entry to the
 * document so Remix's inline scripts carry it. In the browser it is empty (browsers hide nonces from
 * the DOM, and scripts added after hydration are loaded by already trusted ones).
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);
