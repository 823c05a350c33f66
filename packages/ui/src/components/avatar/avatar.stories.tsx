import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Avatar } from "./avatar";

const meta = {
  title: "Primitives/Avatar",
  component: Avatar,
  args: { name: "Bistro Lumière" },
} satisfies Meta<typeof Avatar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Initials: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText("BL")).toBeInTheDocument();
  },
};
export const Sizes: Story = {
  render: () => (
    <div style={{ display: "flex", gap: 12, alignItems: "center" }}>
      <Avatar name="Ana Ruiz" size="sm" />
      <Avatar name="Boutique Marguerite" size="md" />
      <Avatar name="Chez Paul" size="lg" />
    </div>
  ),
};
export const BrokenImageFallsBack: Story = { args: { src: "data:image/png;base64,invalid", name: "Café Nord" } };
export const DarkTheme: Story = { ...Sizes, globals: { theme: "dark" } };
