import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ProgressBar } from "./progress-bar";

const meta = {
  title: "Primitives/ProgressBar",
  component: ProgressBar,
  args: { label: "Profile complete", value: 60 },
} satisfies Meta<typeof ProgressBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const bar = canvas.getByRole("progressbar", { name: "Profile complete" });
    await expect(bar).toHaveAttribute("aria-valuenow", "60");
  },
};
export const Empty: Story = { args: { value: 0 } };
export const Complete: Story = { args: { value: 100, tone: "success" } };
export const CustomText: Story = { args: { label: "Rows imported", value: 1240, max: 2000, valueText: "1,240 of 2,000 rows" } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
