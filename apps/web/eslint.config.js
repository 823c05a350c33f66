import baseConfig from "@rapport/eslint-config/base";
import reactConfig from "@rapport/eslint-config/react";
import remixConfig from "@rapport/eslint-config/remix";

export default [...baseConfig, ...reactConfig, ...remixConfig];
