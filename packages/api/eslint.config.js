import baseConfig from "@rapport/eslint-config/base";

export default [...baseConfig];
