import Image from "next/image";

type Props = { src: string; alt: string; sizes: string; lead?: boolean };

/**
 * A 16:9 box reserves the space before the image arrives, so nothing below it jumps. The lead image (the
 * largest thing on the screen) is fetched first and decoded in the frame that paints it, so that it appears
 * with the text rather than a few frames later, behind the scripts starting up.
 */
export function CoverImage({ src, alt, sizes, lead = false }: Props) {
  return (
    <div className="cover-image">
      <Image
        src={src}
        alt={alt}
        fill
        sizes={sizes}
        preload={lead}
        fetchPriority={lead ? "high" : undefined}
        loading={lead ? "eager" : "lazy"}
        decoding={lead ? "sync" : "async"}
      />
    </div>
  );
}
