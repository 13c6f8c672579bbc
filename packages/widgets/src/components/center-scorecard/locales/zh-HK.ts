// 繁體中文（香港）texts of <smec-center-scorecard>: the same ids as ./en.ts.
import type { templates as english } from './en.js';

export const templates = {
  'scorecard.asOf': '數據截至{0}，按平台實時數據統計',
  'scorecard.basis': '目標說明：',
  'scorecard.basis.text':
    '省級目標取自政策（整合服務機構1萬家、年服務中小微企業30萬家次）；地市目標按全省地級以上市數平均分攤，縣（區）目標按所屬地市的縣（區）數平均分攤，向上取整。',
  'scorecard.chart.none': '本年各月暫無服務記錄。',
  'scorecard.chart.summary': '各月服務企業家次柱狀圖：全年共 {0} 家次，最多為{1}（{2} 家次）。',
  'scorecard.compare': '與上級地區對比',
  'scorecard.comparison': '與{0}對比',
  'scorecard.error.notFound': '找不到這個地區的年度服務情況。',
  'scorecard.figure': '指標',
  'scorecard.figures': '主要指標',
  'scorecard.heading': '{0}{1}年度服務情況',
  'scorecard.share': '佔{0}比例',
  'scorecard.table.caption': '各月數據',
  'scorecard.table.demands': '受理需求（項）',
  'scorecard.table.hide': '隱藏數據表',
  'scorecard.table.month': '月份',
  'scorecard.table.ratings': '評價（條）',
  'scorecard.table.show': '以表格顯示',
  'scorecard.table.vouchers': '兌付服務券（張）',
  'scorecard.targets': '目標完成情況',
  'scorecard.title': '年度服務情況',
  'scorecard.trend': '月度趨勢',
} satisfies Record<keyof typeof english, string>;
