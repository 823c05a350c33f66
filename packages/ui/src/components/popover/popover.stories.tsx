import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent, waitFor } from "storybook/test";
import { Button } from "../button/button";
import { Popover } from "./popover";

const meta = {
  title: "Primitives/Popover",
  component: Popover,
  parameters: { visual: { fullPage: true } },
  args: {
    trigger: <Button variant="secondary">How is this measured?</Button>,
    label: "How deep-interaction rate is measured",
    children: (
      <p style={{ margin: 0 }}>
        Comments, shares and saves divided by people reached, over your last 38 posts. Likes count a third as much.
      </p>
    ),
  },
  decorators: [(Story) => <div style={{ minHeight: 220 }}><Story /></div>],
} satisfies Meta<typeof Popover>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "How is this measured?" }));
    await expect(await screen.findByRole("dialog", { name: "How deep-interaction rate is measured" })).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  },
};
export const Open: Story = { args: { defaultOpen: true } };
export const DarkTheme: Story = { args: { defaultOpen: true }, globals: { theme: "dark" } };
