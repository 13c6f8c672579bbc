// The seed's applications to join in every state of the review, in a few regions, relative to the seed's instant:
// one submitted, one waiting for changes with notes per field, three under public notice (one with an open
// objection, one with a dismissed one, one with none, ending in 3 days), one admitted (its provider and account made
// by the admission code itself, see seedAdmitted) and one rejected. Deterministic: fixed ids, numbers and texts.
import { usccCheckCharacter, type StoredApplication } from '@smec/schemas';
import { DEMO_FILE, DEMO_NOTICE } from '@smec/schemas/openapi';
import { admitApplication } from '../applications/admission.js';
import { RegionIndex } from '../catalog/regions.js';
import type { DatabaseHandle } from '../db/database.js';
import { phoneHash } from '../demands/tracking.js';
import { shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';

const DAY_MS = 86_400_000;
const NOTICE_DAYS = 7;

type Status = 'submitted' | 'changesRequested' | 'publicNotice' | 'admitted' | 'rejected';

interface Step {
  readonly status: Status;
  /** Days before the seed's instant. */
  readonly daysAgo: number;
  readonly actor: 'applicant' | 'center' | 'platform';
  readonly note?: string;
}

interface SeedObjection {
  readonly id: string;
  readonly name: string;
  readonly mobile: string;
  readonly reason: string;
  readonly daysAgo: number;
  readonly decided?: { readonly status: 'dismissed' | 'upheld'; readonly note: string; readonly daysAgo: number };
}

interface SeedApplication {
  readonly id: string;
  readonly applicationNo: string;
  readonly mobile: string;
  readonly organisation: StoredApplication['organisation'];
  readonly scope: StoredApplication['scope'];
  readonly contactName: string;
  readonly steps: readonly Step[];
  readonly changeNotes?: readonly { field: string; note: string }[];
  readonly objections?: readonly SeedObjection[];
  /** The reviewing administrator. */
  readonly reviewer?: string;
  /** Admitted by the admission code when its notice ended (the sweep's instant), as the platform would have. */
  readonly admit?: boolean;
}

function uscc(prefix: string, regionCode: string, serial: string): string {
  const first17 = `${prefix}${regionCode}${serial}`;
  return `${first17}${usccCheckCharacter(first17) ?? '0'}`;
}

function scope(categoryIds: StoredApplication['scope']['categoryIds'], regionsServed: string[], description: string) {
  return { categoryIds, regionsServed, acceptsVouchers: true, staff: 24, professionalStaff: 15, description };
}

/** The applications, in the order they are inserted. */
export const SEED_APPLICATIONS: readonly SeedApplication[] = [
  {
    id: 'pap-demo-submit2',
    applicationNo: 'RZ20261101SUBMT2',
    mobile: '13800138011',
    organisation: {
      name: '珠海市香洲区启航企业管理咨询有限公司',
      uscc: uscc('91', '440402', 'MA4W8K2Q1'),
      orgType: 'company',
      legalRepresentative: '梁启航',
      foundedOn: '2017-06-12',
      address: '珠海市香洲区情侣中路 66 号 5 楼',
      regionCode: '440402',
    },
    scope: scope(
      ['management-consulting'],
      ['440400'],
      '为珠海中小制造企业提供精益管理、组织诊断和内控体系建设咨询，服务企业一百二十余家。',
    ),
    contactName: '梁先生',
    steps: [{ status: 'submitted', daysAgo: 1, actor: 'applicant' }],
  },
  {
    id: 'pap-demo-change2',
    applicationNo: 'RZ20261101CHANG2',
    mobile: '13800138012',
    organisation: {
      name: '广州市天河区粤信财税咨询有限公司',
      uscc: uscc('91', '440106', 'MA5C3N7R2'),
      orgType: 'company',
      legalRepresentative: '陈粤信',
      foundedOn: '2016-09-01',
      address: '广州市天河区体育西路 101 号 12 楼',
      regionCode: '440106',
    },
    scope: scope(
      ['finance-tax'],
      ['440100'],
      '提供代理记账、纳税申报、税务筹划和高新技术企业研发费用归集服务，服务天河区企业三百余家。',
    ),
    contactName: '陈女士',
    steps: [
      { status: 'submitted', daysAgo: 8, actor: 'applicant' },
      { status: 'changesRequested', daysAgo: 5, actor: 'center', note: '请按意见补正后重新提交。' },
    ],
    changeNotes: [
      { field: 'files.licence', note: '营业执照扫描件不完整，请上传含二维码的完整副本。' },
      { field: 'scope.professionalStaff', note: '请核实持证会计人员人数，并在简介中写明资质。' },
    ],
    reviewer: 'usr-admin-440100',
  },
  {
    id: 'pap-demo-notice1',
    applicationNo: 'RZ20261101NOTIC1',
    mobile: '13800138013',
    organisation: {
      name: '深圳市南山区智汇知识产权代理有限公司',
      uscc: uscc('91', '440305', 'MA5D4P8T3'),
      orgType: 'company',
      legalRepresentative: '黄智汇',
      foundedOn: '2014-04-20',
      address: '深圳市南山区科技园南区高新南七道 18 号 9 楼',
      regionCode: '440305',
    },
    scope: scope(
      ['intellectual-property'],
      ['440300'],
      '专注专利申请、商标注册和知识产权贯标，为南山区科技型中小企业提供知识产权全流程服务。',
    ),
    contactName: '黄先生',
    steps: [
      { status: 'submitted', daysAgo: 6, actor: 'applicant' },
      { status: 'publicNotice', daysAgo: 2, actor: 'center', note: '材料齐全，予以公示。' },
    ],
    objections: [
      {
        id: 'obj-demo-open1',
        name: '刘先生',
        mobile: '13900139001',
        reason: '该机构曾以包过为由收取专利代理费，申请被驳回后拒绝退费，希望核实其服务质量。',
        daysAgo: 1,
      },
    ],
    reviewer: 'usr-admin-440300',
  },
  {
    id: 'pap-demo-notice2',
    applicationNo: 'RZ20261101NOTIC2',
    mobile: '13800138014',
    organisation: {
      name: '东莞市莞城数字化转型服务有限公司',
      uscc: uscc('91', '441900', 'MA4X6R9U4'),
      orgType: 'company',
      legalRepresentative: '袁数创',
      foundedOn: '2018-02-08',
      address: '东莞市莞城街道东纵路 208 号 3 楼',
      regionCode: '441900',
    },
    scope: scope(
      ['digitalization'],
      ['441900'],
      '为东莞制造企业提供生产管理系统实施、设备联网和数字化车间改造咨询服务。',
    ),
    contactName: '袁女士',
    steps: [
      { status: 'submitted', daysAgo: 7, actor: 'applicant' },
      { status: 'publicNotice', daysAgo: 3, actor: 'center' },
    ],
    objections: [
      {
        id: 'obj-demo-dismissed1',
        name: '张女士',
        mobile: '13900139002',
        reason: '听说该公司注册地址与实际办公地址不一致，请核实其是否真实经营。',
        daysAgo: 2,
        decided: { status: 'dismissed', note: '经实地核查，机构在注册地址正常办公，异议不成立。', daysAgo: 1 },
      },
    ],
    reviewer: 'usr-admin-441900',
  },
  {
    id: DEMO_NOTICE.id,
    applicationNo: DEMO_NOTICE.applicationNo,
    mobile: '13800138015',
    organisation: {
      name: '佛山市南海区匠心检验检测技术有限公司',
      uscc: uscc('91', '440605', 'MA4Y7T2W5'),
      orgType: 'company',
      legalRepresentative: '何匠心',
      foundedOn: '2015-11-30',
      address: '佛山市南海区桂城街道南海大道北 38 号',
      regionCode: '440605',
    },
    scope: scope(
      ['testing-certification'],
      ['440600'],
      '提供金属材料、家具和五金制品的检验检测及产品认证咨询，具备 CMA 资质。',
    ),
    contactName: '何先生',
    // Approved 4 days before the seed: the notice ends 3 days after it.
    steps: [
      { status: 'submitted', daysAgo: 9, actor: 'applicant' },
      { status: 'publicNotice', daysAgo: 4, actor: 'center' },
    ],
    reviewer: 'usr-admin-440600',
  },
  {
    id: 'pap-demo-admit1',
    applicationNo: 'RZ20261101ADMIT1',
    mobile: '13800138016',
    organisation: {
      name: '惠州市惠城区恒信会计师事务所',
      uscc: uscc('31', '441302', 'MD4Z8V3X6'),
      orgType: 'partnership',
      legalRepresentative: '叶恒信',
      foundedOn: '2012-07-18',
      address: '惠州市惠城区江北文昌一路 9 号 15 楼',
      regionCode: '441302',
    },
    scope: scope(
      ['finance-tax', 'financing'],
      ['441300'],
      '提供财务审计、税务鉴证、代理记账和融资财务顾问服务，服务惠州中小企业五百余家，是服务券签约机构。',
    ),
    contactName: '叶会计师',
    // Approved 10 days before the seed: the notice ended 3 days before it, with no objection, and the sweep admitted it.
    steps: [
      { status: 'submitted', daysAgo: 14, actor: 'applicant' },
      { status: 'publicNotice', daysAgo: 10, actor: 'center', note: '材料齐全，予以公示。' },
    ],
    reviewer: 'usr-admin-441300',
    admit: true,
  },
  {
    id: 'pap-demo-reject1',
    applicationNo: 'RZ20261101REJCT1',
    mobile: '13800138017',
    organisation: {
      name: '汕头市金平区速达商务服务有限公司',
      uscc: uscc('91', '440511', 'MA5F8W3Y7'),
      orgType: 'company',
      legalRepresentative: '吴速达',
      foundedOn: '2019-03-15',
      address: '汕头市金平区金砂路 88 号 6 楼',
      regionCode: '440511',
    },
    scope: scope(
      ['market-expansion'],
      ['440500'],
      '为汕头玩具和纺织企业提供展会组织、跨境电商开店和海外市场推广服务。',
    ),
    contactName: '吴先生',
    steps: [
      { status: 'submitted', daysAgo: 20, actor: 'applicant' },
      { status: 'publicNotice', daysAgo: 16, actor: 'center' },
      {
        status: 'rejected',
        daysAgo: 12,
        actor: 'center',
        note: '异议成立：该机构存在未履行服务合同的投诉记录，不予入驻。',
      },
    ],
    objections: [
      {
        id: 'obj-demo-upheld1',
        name: '林先生',
        mobile: '13900139003',
        reason: '我司与该机构签订展会服务合同并已付款，展会前一周机构失联，至今未退款。',
        daysAgo: 14,
        decided: { status: 'upheld', note: '异议成立：该机构存在未履行服务合同的投诉记录，不予入驻。', daysAgo: 12 },
      },
    ],
    reviewer: 'usr-admin-440500',
  },
];

/** The status an application stands in: its last step's. */
function statusOf(application: SeedApplication): Status {
  return application.steps[application.steps.length - 1]?.status ?? 'submitted';
}

export async function seedPublicNotices(handle: DatabaseHandle, secret: Buffer, options: SeedOptions): Promise<void> {
  const { sqlite } = handle;
  const ago = (days: number) => options.asOf - days * DAY_MS;
  const insertApplication = sqlite.prepare(
    `INSERT INTO provider_applications
       (id, application_no, uscc, name, region_code, phone_hash, status, input, submitted_at, submitted_ts, updated_at,
        change_notes, reviewed_by, notice_ends_ts, notice_ends_on)
     VALUES (@id, @application_no, @uscc, @name, @region_code, @phone_hash, @status, @input, @submitted_at,
       @submitted_ts, @updated_at, @change_notes, @reviewed_by, @notice_ends_ts, @notice_ends_on)`,
  );
  const insertFile = sqlite.prepare(
    `INSERT INTO provider_application_files (application_seq, file_id, role) VALUES (?, ?, 'licence')`,
  );
  const insertStep = sqlite.prepare(
    `INSERT INTO provider_application_timeline (application_seq, status, at, actor, note) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertObjection = sqlite.prepare(
    `INSERT INTO application_objections
       (id, application_seq, name, phone_hash, reason, status, decided_note, decided_by, created_at, created_ts,
        decided_at, decided_ts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const application of SEED_APPLICATIONS) {
      const first = application.steps[0];
      const last = application.steps[application.steps.length - 1];
      if (!first || !last) throw new Error(`${application.id} has no steps`);
      const approved = application.steps.find((step) => step.status === 'publicNotice');
      const noticeEnds = approved ? ago(approved.daysAgo) + NOTICE_DAYS * DAY_MS : null;
      const input: StoredApplication = {
        organisation: application.organisation,
        scope: application.scope,
        contact: {
          name: application.contactName,
          mobile: application.mobile,
          email: `apply${application.mobile.slice(-2)}@example.cn`,
        },
        files: { licence: { id: DEMO_FILE.id }, certificates: [] },
      };
      const { lastInsertRowid } = insertApplication.run({
        id: application.id,
        application_no: application.applicationNo,
        uscc: application.organisation.uscc,
        name: application.organisation.name,
        region_code: application.organisation.regionCode,
        phone_hash: phoneHash(secret, application.mobile),
        status: statusOf(application),
        input: JSON.stringify(input),
        submitted_at: shanghaiDateTime(ago(first.daysAgo)),
        submitted_ts: ago(first.daysAgo),
        updated_at: shanghaiDateTime(ago(last.daysAgo)),
        change_notes: application.changeNotes ? JSON.stringify(application.changeNotes) : null,
        reviewed_by: application.reviewer ?? null,
        notice_ends_ts: noticeEnds,
        notice_ends_on: noticeEnds === null ? null : shanghaiDay(noticeEnds),
      });
      insertFile.run(lastInsertRowid, DEMO_FILE.id);
      for (const step of application.steps) {
        insertStep.run(
          lastInsertRowid,
          step.status,
          shanghaiDateTime(ago(step.daysAgo)),
          step.actor,
          step.note ?? null,
        );
      }
      for (const objection of application.objections ?? []) {
        const decided = objection.decided;
        insertObjection.run(
          objection.id,
          lastInsertRowid,
          objection.name,
          phoneHash(secret, objection.mobile),
          objection.reason,
          decided?.status ?? 'open',
          decided?.note ?? null,
          decided ? (application.reviewer ?? null) : null,
          shanghaiDateTime(ago(objection.daysAgo)),
          ago(objection.daysAgo),
          decided ? shanghaiDateTime(ago(decided.daysAgo)) : null,
          decided ? ago(decided.daysAgo) : null,
        );
      }
    }
  })();
  // The admitted ones go through the admission code itself, at the instant their notice ended.
  const regions = await RegionIndex.load(handle.db);
  for (const application of SEED_APPLICATIONS.filter((candidate) => candidate.admit)) {
    const row = await handle.db
      .selectFrom('provider_applications')
      .select(['seq', 'notice_ends_ts'])
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    const admitted = await admitApplication(handle.db, regions, row.seq, Number(row.notice_ends_ts));
    if (!admitted) throw new Error(`The seed could not admit ${application.id}`);
  }
  sqlite
    .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
    .run('public_notices_seeded_at', new Date(options.asOf).toISOString());
}
