import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { Select } from "./select";

const platforms = [
  { value: "instagram", label: "Instagram" },
  { value: "facebook", label: "Facebook" },
  { value: "tiktok", label: "TikTok" },
  { value: "x", label: "X" },
  { value: "linkedin", label: "LinkedIn", disabled: true },
];

const meta = {
  title: "Forms/Select",
  component: Select,
  args: { label: "Platform", name: "platform", options: platforms, placeholder: "Choose a platform" },
} satisfies Meta<typeof Select>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const select = canvas.getByLabelText("Platform");
    await userEvent.selectOptions(select, "tiktok");
    await expect(select).toHaveValue("tiktok");
  },
};
export const WithError: Story = { args: { error: "Pick where this post goes.", required: true } };
export const WithDescription: Story = { args: { description: "You can cross-post later.", defaultValue: "instagram" } };
export const ManyItems: Story = {
  args: {
    label: "Time zone",
    name: "tz",
    placeholder: undefined,
    options: Array.from({ length: 30 }, (_, i) => ({ value: `utc${i - 12}`, label: `UTC${i - 12 >= 0 ? "+" : ""}${i - 12}:00` })),
    defaultValue: "utc0",
  },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
