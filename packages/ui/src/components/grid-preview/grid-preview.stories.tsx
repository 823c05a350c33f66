import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { GridPreview } from "./grid-preview";
import type { GridPreviewTile } from "./grid-preview";

const image = (hue: number) =>
  `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="hsl(${hue} 40% 60%)"/><circle cx="40" cy="44" r="16" fill="hsl(${hue} 55% 85%)"/><path d="M0 120 L48 70 L80 98 L120 60 L120 120Z" fill="hsl(${hue} 40% 35%)"/></svg>`)}`;

const tiles: GridPreviewTile[] = [
  {
    id: "p1",
    title: "Spring menu teaser",
    imageUrl: image(20),
    planned: true,
    when: "Thu 12 Mar, 17:00",
    contentType: "reel",
  },
  {
    id: "p2",
    title: "Staff picks",
    imageUrl: image(90),
    planned: true,
    when: "Wed 11 Mar, 09:00",
    contentType: "carousel",
    isExample: true,
  },
  {
    id: "p3",
    title: "Caption only: a post whose image is still missing",
    planned: true,
    when: "Tue 10 Mar, 18:00",
  },
  ...Array.from({ length: 9 }, (_, i) => ({
    id: `old${i}`,
    title: `Past post ${i + 1}`,
    imageUrl: image(150 + i * 20),
    planned: false,
    when: `${i + 1} Mar`,
  })),
];

const meta = {
  title: "Domain/GridPreview",
  component: GridPreview,
  args: { label: "Grid preview for @bakery", tiles, onOpenTile: fn() },
} satisfies Meta<typeof GridPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    await expect(canvas.getByText("3 planned posts above 9 already out")).toBeInTheDocument();
    // Planned posts come first, in the order the profile will show them.
    const buttons = canvas.getAllByRole("button");
    await expect(buttons[0]).toHaveAccessibleName(
      /Spring menu teaser, planned for Thu 12 Mar, 17:00/,
    );
    await expect(buttons[3]).toHaveAccessibleName(/Past post 1, posted 1 Mar/);
    await userEvent.click(buttons[1] as HTMLElement);
    await expect(args.onOpenTile).toHaveBeenCalledWith("p2");
  },
};
export const Phone: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 358 }}>
        <Story />
      </div>
    ),
  ],
};
export const Empty: Story = { args: { tiles: [] } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
