import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent } from "storybook/test";
import { IconButton } from "../icon-button/icon-button";
import { Tooltip } from "./tooltip";

const meta = {
  title: "Primitives/Tooltip",
  component: Tooltip,
  parameters: { visual: { fullPage: true } },
  args: { content: "Duplicate this post", children: <IconButton label="Duplicate" icon="⧉" variant="secondary" /> },
  decorators: [(Story) => <div style={{ paddingTop: 48 }}><Story /></div>],
} satisfies Meta<typeof Tooltip>;
export default meta;
type Story = StoryObj<typeof meta>;

export const OnFocus: Story = {
  args: { delayDuration: 0 },
  play: async ({ canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole("button", { name: "Duplicate" })).toHaveFocus();
    await expect(await screen.findByRole("tooltip")).toHaveTextContent("Duplicate this post");
  },
};
export const Open: Story = { args: { defaultOpen: true } };
export const DarkTheme: Story = { args: { defaultOpen: true }, globals: { theme: "dark" } };
