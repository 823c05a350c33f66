import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { PlatformPostPreview } from "./platform-post-preview";

const caption =
  "Our sourdough starter turned five this week. It has outlived two ovens, one renovation and a very confused health inspector. Come by on Saturday for a slice and the story of how it nearly ended up in the bin in 2021. What should we name it?";

const meta = {
  title: "Domain/PlatformPostPreview",
  component: PlatformPostPreview,
  args: {
    platform: "instagram",
    author: { name: "Bistro Lumière", handle: "bistrolumiere" },
    text: caption,
    media: [{ alt: "A round sourdough loaf on a floured board", color: "#c9a27a" }],
  },
  argTypes: { platform: { control: "inline-radio", options: ["instagram", "facebook", "tiktok", "x", "linkedin"] } },
} satisfies Meta<typeof PlatformPostPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Instagram: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("article", { name: "Instagram preview" })).toBeInTheDocument();
    await expect(canvas.getByText("… more")).toBeInTheDocument();
  },
};
export const Facebook: Story = { args: { platform: "facebook" } };
export const TikTok: Story = { args: { platform: "tiktok", media: [{ alt: "Video still of the kitchen pass", color: "#5b4636" }] } };
export const X: Story = {
  args: { platform: "x", text: `${caption} ${caption}` },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("note")).toHaveTextContent("over X's 280 limit");
  },
};
export const LinkedIn: Story = { args: { platform: "linkedin", author: { name: "Boutique Marguerite", handle: "marguerite" } } };
export const TextOnly: Story = { args: { platform: "x", text: "Fresh bread at 8. That's the tweet.", media: [] } };
export const Carousel: Story = {
  args: {
    media: [
      { alt: "Market stall with tomatoes", color: "#b5523b" },
      { alt: "Basket of herbs", color: "#6d8f4e" },
      { alt: "Cheese counter", color: "#e2c27a" },
    ],
  },
};
export const AllPlatforms: Story = {
  render: (args) => (
    <div style={{ display: "flex", gap: 16, flexWrap: "wrap", alignItems: "flex-start" }}>
      {(["instagram", "facebook", "tiktok", "x", "linkedin"] as const).map((p) => (
        <PlatformPostPreview key={p} {...args} platform={p} />
      ))}
    </div>
  ),
};
export const DarkTheme: Story = { ...AllPlatforms, globals: { theme: "dark" } };
