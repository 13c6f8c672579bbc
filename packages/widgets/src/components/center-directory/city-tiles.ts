// Where each of Guangdong's 21 prefecture-level cities sits on the tile map: a column (west to east, 1–8) and a row
// (north to south, 1–4), roughly as the cities lie, so that a reader finds a city where they know it to be.
export const CITY_TILES: Readonly<Record<string, readonly [column: number, row: number]>> = {
  '441800': [4, 1], // 清远
  '440200': [5, 1], // 韶关
  '441600': [6, 1], // 河源
  '441400': [8, 1], // 梅州
  '445300': [2, 2], // 云浮
  '441200': [3, 2], // 肇庆
  '440600': [4, 2], // 佛山
  '440100': [5, 2], // 广州
  '441300': [6, 2], // 惠州
  '445200': [7, 2], // 揭阳
  '445100': [8, 2], // 潮州
  '440900': [1, 3], // 茂名
  '441700': [2, 3], // 阳江
  '440700': [3, 3], // 江门
  '442000': [4, 3], // 中山
  '441900': [5, 3], // 东莞
  '440300': [6, 3], // 深圳
  '441500': [7, 3], // 汕尾
  '440500': [8, 3], // 汕头
  '440800': [1, 4], // 湛江
  '440400': [4, 4], // 珠海
};
