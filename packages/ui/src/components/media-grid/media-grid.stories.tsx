import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MediaGrid, type MediaGridItem } from "./media-grid";

const swatch = (color: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="${color}"/></svg>`)}`;

const photos: MediaGridItem[] = [
  { id: "a", src: swatch("#c0392b"), alt: "Photo 1 (counter)" },
  { id: "b", src: swatch("#2980b9"), alt: "Photo 2 (pastries)" },
  { id: "c", src: swatch("#27ae60"), alt: "Photo 3 (team)" },
];

function Stateful(props: { initial: MediaGridItem[]; disabled?: boolean }) {
  const [items, setItems] = useState(props.initial);
  return (
    <MediaGrid
      label="Photos in posting order"
      items={items}
      disabled={props.disabled}
      onReorder={(ids) => setItems(ids.map((id) => items.find((i) => i.id === id)!))}
      onRemove={(id) => setItems(items.filter((i) => i.id !== id))}
    />
  );
}

const meta = {
  title: "Domain/MediaGrid",
  component: MediaGrid,
  tags: ["autodocs"],
  args: { label: "Photos in posting order", items: photos },
  render: (args) => <Stateful initial={args.items} disabled={args.disabled} />,
} satisfies Meta<typeof MediaGrid>;
export default meta;
type Story = StoryObj<typeof meta>;

const order = (root: HTMLElement) =>
  within(root)
    .getAllByRole("listitem")
    .map((li) => li.getAttribute("data-media-id"));

export const Default: Story = {
  play: async ({ canvasElement, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Move Photo 1 (counter) later" }));
    await expect(order(canvasElement)).toEqual(["b", "a", "c"]);
    await userEvent.click(canvas.getByRole("button", { name: "Remove Photo 3 (team)" }));
    await expect(order(canvasElement)).toEqual(["b", "a"]);
  },
};
export const KeyboardReorder: Story = {
  play: async ({ canvasElement, canvas }) => {
    canvas.getByRole("button", { name: /^Photo 1 \(counter\), position 1 of 3/ }).focus();
    await userEvent.keyboard(" ");
    await userEvent.keyboard("{ArrowRight}");
    await userEvent.keyboard(" ");
    await waitFor(() => expect(order(canvasElement)).toEqual(["b", "a", "c"]));
  },
};
export const Empty: Story = { args: { items: [] } };
export const WithVideo: Story = { args: { items: [{ id: "v", alt: "Video", placeholder: "Video · MP4" }] } };
export const ReadOnly: Story = { args: { disabled: true } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
