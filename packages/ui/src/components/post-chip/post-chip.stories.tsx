import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { PostChip } from "./post-chip";

const meta = {
  title: "Domain/PostChip",
  component: PostChip,
  args: {
    post: {
      id: "p1",
      title: "Sourdough turns five",
      time: "18:30",
      platform: "instagram",
      contentType: "reel",
      status: "scheduled",
      score: { value: 72, band: "strong" },
    },
  },
  decorators: [
    (Story) => (
      <div style={{ width: 160 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PostChip>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Scheduled: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent("18:30");
    await expect(canvasElement).toHaveTextContent("Instagram");
  },
};
export const Draft: Story = {
  args: {
    post: {
      id: "p2",
      title: "Meet Ana, our new chef",
      time: "12:00",
      platform: "facebook",
      contentType: "photo",
      status: "draft",
    },
  },
};
export const Published: Story = {
  args: {
    post: {
      id: "p3",
      title: "Friday service",
      time: "09:15",
      platform: "linkedin",
      contentType: "text",
      status: "published",
      score: { value: 41, band: "typical" },
    },
  },
};
export const LongText: Story = {
  args: {
    post: {
      id: "p4",
      title:
        "A very long title that someone typed because they wanted to explain the whole post in the title field",
      time: "21:45",
      platform: "tiktok",
      contentType: "video",
      score: { value: 94, band: "standout" },
    },
  },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
