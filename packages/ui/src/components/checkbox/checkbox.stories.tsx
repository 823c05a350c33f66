import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { Checkbox } from "./checkbox";

const meta = {
  title: "Forms/Checkbox",
  component: Checkbox,
  args: { label: "Remind me before this post goes out", name: "remind" },
} satisfies Meta<typeof Checkbox>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const box = canvas.getByRole("checkbox", { name: "Remind me before this post goes out" });
    await userEvent.click(box);
    await expect(box).toBeChecked();
    await userEvent.keyboard(" ");
    await expect(box).not.toBeChecked();
  },
};
export const Checked: Story = { args: { defaultChecked: true } };
export const WithDescription: Story = { args: { description: "We send one email, an hour before." } };
export const WithError: Story = { args: { label: "I agree to the terms", error: "Please accept the terms to continue.", required: true } };
export const Disabled: Story = { args: { disabled: true, defaultChecked: true } };
export const DarkTheme: Story = { args: { defaultChecked: true, description: "Dark theme" }, globals: { theme: "dark" } };
