import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent, waitFor } from "storybook/test";
import { Button } from "../button/button";
import { TextField } from "../text-field/text-field";
import { Dialog, DialogClose } from "./dialog";

const meta = {
  title: "Primitives/Dialog",
  component: Dialog,
  parameters: { visual: { fullPage: true } },
  args: {
    trigger: <Button variant="danger">Delete draft</Button>,
    title: "Delete this draft?",
    description: "“Sourdough turns five” will be gone for good. Published posts are not affected.",
    footer: (
      <>
        <DialogClose asChild>
          <Button variant="secondary">Keep draft</Button>
        </DialogClose>
        <Button variant="danger">Delete</Button>
      </>
    ),
  },
} satisfies Meta<typeof Dialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = { parameters: { visual: { fullPage: false } } };
export const OpenAndClose: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Delete draft" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete this draft?" });
    await expect(dialog).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await expect(canvas.getByRole("button", { name: "Delete draft" })).toHaveFocus();
  },
};
export const Open: Story = {
  args: { defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole("dialog")).toHaveAccessibleDescription(/will be gone for good/);
  },
};
export const WithForm: Story = {
  args: {
    defaultOpen: true,
    title: "Rename workspace",
    description: undefined,
    trigger: <Button>Rename</Button>,
    children: <TextField label="Workspace name" name="name" defaultValue="Bistro Lumière" />,
    footer: <Button type="submit">Save</Button>,
  },
};
export const DarkTheme: Story = { args: { defaultOpen: true }, globals: { theme: "dark" } };
