import Image from "next/image";

type Props = { src: string; alt: string; sizes: string; lead?: boolean };

/** A 16:9 box reserves the space before the image arrives, so nothing below it jumps. */
export function CoverImage({ src, alt, sizes, lead = false }: Props) {
  return (
    <div className="cover-image">
      <Image src={src} alt={alt} fill sizes={sizes} preload={lead} fetchPriority={lead ? "high" : undefined} loading={lead ? "eager" : "lazy"} />
    </div>
  );
}
