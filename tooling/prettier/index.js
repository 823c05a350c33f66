/** Shared Prettier config: one style for every package. */
export default {
  printWidth: 100,
  singleQuote: false,
  trailingComma: "all",
  semi: true,
};
