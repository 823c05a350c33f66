import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { TokenTable } from "./tokens";

const meta = {
  title: "Foundations/Tokens",
  component: TokenTable,
  tags: ["!autodocs"],
} satisfies Meta<typeof TokenTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Colours: Story = {
  args: { groups: ["color", "band", "heat"] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("--rp-color-accent")).toBeInTheDocument();
  },
};
export const ColoursDark: Story = { args: { groups: ["color", "band", "heat"] }, globals: { theme: "dark" } };
export const Typography: Story = { args: { groups: ["font", "text"] } };
export const SpacingRadiusShadowMotion: Story = { args: { groups: ["space", "radius", "shadow", "duration", "other"] } };
