import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { Tabs } from "./tabs";

const meta = {
  title: "Primitives/Tabs",
  component: Tabs,
  args: {
    label: "Insights views",
    items: [
      { value: "overview", label: "Overview", content: <p>Deep interactions are up on weekday evenings.</p> },
      { value: "posts", label: "Posts", content: <p>38 posts analysed.</p> },
      { value: "audience", label: "Audience", content: <p>Most of your savers follow you for recipes.</p> },
      { value: "billing", label: "Billing", content: <p>Nothing here.</p>, disabled: true },
    ],
  },
} satisfies Meta<typeof Tabs>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("tab", { name: "Overview" }));
    await userEvent.keyboard("{ArrowRight}");
    await expect(canvas.getByRole("tab", { name: "Posts" })).toHaveAttribute("aria-selected", "true");
    await expect(canvas.getByRole("tabpanel")).toHaveTextContent("38 posts analysed.");
  },
};
export const ManyItems: Story = {
  args: {
    items: Array.from({ length: 12 }, (_, i) => ({ value: `m${i}`, label: `Month ${i + 1}`, content: <p>Month {i + 1}</p> })),
  },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
