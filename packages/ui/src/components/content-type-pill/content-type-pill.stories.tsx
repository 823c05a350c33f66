import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ContentTypePill } from "./content-type-pill";
import type { ContentType } from "./content-type-pill";

const types: ContentType[] = ["photo", "video", "reel", "carousel", "story", "text", "link", "live"];

const meta = {
  title: "Domain/ContentTypePill",
  component: ContentTypePill,
  args: { type: "reel" },
  argTypes: { type: { control: "select", options: types } },
} satisfies Meta<typeof ContentTypePill>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Reel")).toBeInTheDocument();
  },
};
const all = () => (
  <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
    {types.map((t) => (
      <ContentTypePill key={t} type={t} />
    ))}
  </div>
);
export const AllTypes: Story = { render: all };
export const DarkTheme: Story = { render: all, globals: { theme: "dark" } };
