import type { ReactElement } from 'react'
import { sparklineShape } from '../../editors/themes/theme-model'

/**
 * A theme's tickets per month as a small line with a faint area under it: an inline SVG drawn in
 * the theme's colours (CSS variables), so that it follows the colour theme without a redraw.
 */
export function Sparkline({
  values,
  label,
  width = 56,
  height = 16
}: {
  values: readonly number[]
  /** What the line shows, for the tooltip and screen readers. */
  label: string
  width?: number
  height?: number
}): ReactElement {
  const shape = sparklineShape(values, width, height)
  return (
    <svg
      className="lb-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="themes-sparkline"
    >
      <title>{label}</title>
      {shape ? (
        <>
          <polygon className="lb-sparkline-area" points={shape.area} />
          <polyline className="lb-sparkline-line" points={shape.line} />
        </>
      ) : (
        <line className="lb-sparkline-line" x1={1} x2={width - 1} y1={height - 1.5} y2={height - 1.5} />
      )}
    </svg>
  )
}
