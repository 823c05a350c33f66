import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, screen, userEvent, waitFor } from "storybook/test";
import { Button } from "../button/button";
import { DropdownMenu } from "./dropdown-menu";

const onDuplicate = fn();

const meta = {
  title: "Primitives/DropdownMenu",
  component: DropdownMenu,
  parameters: { visual: { fullPage: true } },
  args: {
    trigger: <Button variant="secondary">Post actions</Button>,
    align: "start",
    items: [
      { type: "label", label: "Sourdough turns five" },
      { label: "Edit", shortcut: "E" },
      { label: "Duplicate", onSelect: onDuplicate },
      { label: "Move to next week", disabled: true },
      { type: "separator" },
      { label: "Delete", tone: "danger" },
    ],
  },
  decorators: [(Story) => <div style={{ minHeight: 260 }}><Story /></div>],
} satisfies Meta<typeof DropdownMenu>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const trigger = canvas.getByRole("button", { name: "Post actions" });
    trigger.focus();
    await userEvent.keyboard("{Enter}");
    const menu = await screen.findByRole("menu");
    await expect(menu).toBeVisible();
    await userEvent.keyboard("{ArrowDown}{Enter}");
    await waitFor(() => expect(onDuplicate).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole("menu")).not.toBeInTheDocument());
  },
};
export const Open: Story = { args: { defaultOpen: true, modal: false } };
export const DarkTheme: Story = { args: { defaultOpen: true, modal: false }, globals: { theme: "dark" } };
