import baseConfig from "@rapport/eslint-config/base";
import reactConfig from "@rapport/eslint-config/react";

export default [...baseConfig, ...reactConfig, { ignores: ["__screenshots__/**"] }];
