import styles from "./form-field.module.css";

/** Class shared by text-like controls so inputs, textareas and selects look alike. */
export const controlClassName: string = styles.control ?? "";
