import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { IconButton } from "./icon-button";

const meta = {
  title: "Primitives/IconButton",
  component: IconButton,
  args: { label: "Edit post", icon: "✎", onClick: fn() },
} satisfies Meta<typeof IconButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Ghost: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Edit post" }));
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};
export const Secondary: Story = { args: { variant: "secondary" } };
export const Danger: Story = { args: { variant: "danger", label: "Delete post", icon: "✕" } };
export const Small: Story = { args: { size: "sm", variant: "secondary" } };
export const Disabled: Story = { args: { disabled: true, variant: "secondary" } };
export const DarkTheme: Story = { args: { variant: "secondary" }, globals: { theme: "dark" } };
