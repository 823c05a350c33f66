// Global story setup: tokens + base CSS, a light/dark theme toolbar, a11y violations fail tests.
import type { Decorator, Preview } from "@storybook/react-vite";
import "../src/styles/index.css";

const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals["theme"] as string | undefined) ?? "light";
  // Portalled content (dialogs, menus, toasts) renders in <body>, so the canvas root carries the theme too.
  if (context.viewMode !== "docs") document.documentElement.dataset["theme"] = theme;
  return (
    <div data-theme={theme} className={context.viewMode === "docs" ? "rp-story-canvas rp-story-canvas--docs" : "rp-story-canvas"}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  tags: ["autodocs"],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "Colour theme",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light" },
          { value: "dark", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "padded",
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i }, expanded: true },
    a11y: { test: "error" },
    options: {
      storySort: { order: ["Introduction", "Foundations", "Primitives", "Forms", "Layout", "Domain"] },
    },
  },
};

export default preview;
