import baseConfig from "@rapport/eslint-config/base";
import coreConfig from "@rapport/eslint-config/core";

export default [...baseConfig, ...coreConfig];
