// Common characters whose Simplified and Traditional forms differ, each pair written Simplified then Traditional: a
// Simplified one in a zh-HK text, or a Traditional one in a zh-CN text, is a language mixed in. Short on purpose:
// only characters that are never right in the other script.
const PAIRS =
  '这這 务務 车車 门門 们們 说說 时時 关關 开開 发發 经經 现現 实實 与與 为為 报報 对對 应應 员員 个個 ' +
  '来來 会會 过過 还還 进進 动動 问問 题題 间間 页頁 类類 机機 构構 项項 条條 码碼 单單 认認 证證 请請 ' +
  '输輸 选選 择擇 数數 业業 线線 区區 县縣 级級 东東 广廣 资資 费費 详詳 细細 联聯 邮郵 电電 话話 称稱 ' +
  '态態 结結 评評 满滿 录錄 显顯 确確 订訂 阅閱 读讀 写寫 编編 辑輯 删刪 导導 载載 错錯 误誤 总總 计計 ' +
  '标標 专專 权權 补補 贴貼 绩績 库庫 场場 买買 卖賣 长長 从從 历歷 币幣 险險 营營 诉訴 协協 议議 审審 ' +
  '处處 规規 况況 齐齊 亿億 传傳 优優 办辦 变變 术術 统統 织織 给給 讯訊 设設 试試 该該 语語 调調 负負 ' +
  '质質 账賬 转轉 软軟 达達 运運 银銀 镇鎮 阶階 际際 领領 频頻 马馬 龙龍 见見 观觀 视視 览覽 觉覺 网網 ' +
  '络絡 图圖 书書 热熱 询詢 让讓 课課 讲講 签簽 约約 须須 缴繳';

export const SIMPLIFIED_AND_TRADITIONAL: readonly (readonly [simplified: string, traditional: string])[] = PAIRS.split(
  ' ',
).map((pair) => [pair.charAt(0), pair.charAt(1)] as const);
