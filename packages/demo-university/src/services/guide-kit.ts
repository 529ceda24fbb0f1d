import type { GuideText } from './types.ts'

// What the guides of the first batch share (each service's guide is in its own file under the
// owning office's folder).
//
// The first batch of services: the 28 the notice names (names verbatim) plus 2 that a real
// first batch would have had ("30 processes, including …"). Guides are written for the applicant
// in each language, not translated word by word. Contacts, rooms and fees are fictional.

// ------------------------------------------------------------------------------------------
// Where each owning office receives applicants. A guide spreads `at(desk, lang)` so that a
// moved office or a new phone number is changed in one place.

export interface Desk {
  phone: string
  email: string
  zh: { location: string; hours: string }
  en: { location: string; hours: string }
}

export const weekdayZh = '工作日 8:30–11:30，14:00–17:00'
export const weekdayEn = 'Weekdays 8:30–11:30 and 14:00–17:00'

export const desks = {
  organisation: {
    phone: '0571-88001102',
    email: 'zzb@minghu.edu.cn',
    zh: { location: '行政楼3楼312室（干部科）', hours: weekdayZh },
    en: { location: 'Room 312, Administration Building (Cadre Section)', hours: weekdayEn },
  },
  presidentOffice: {
    phone: '0571-88001002',
    email: 'xb@minghu.edu.cn',
    zh: { location: '行政楼2楼201室（机要室）', hours: weekdayZh },
    en: { location: 'Room 201, Administration Building (Records and Seals)', hours: weekdayEn },
  },
  international: {
    phone: '0571-88001302',
    email: 'gjc@minghu.edu.cn',
    zh: { location: '国际交流中心105室', hours: '周一至周四 8:30–11:30，14:00–17:00' },
    en: { location: 'Room 105, International Exchange Centre', hours: 'Monday to Thursday, 8:30–11:30 and 14:00–17:00' },
  },
  hr: {
    phone: '0571-88001202',
    email: 'rsc@minghu.edu.cn',
    zh: { location: '行政楼4楼408室', hours: weekdayZh },
    en: { location: 'Room 408, Administration Building', hours: weekdayEn },
  },
  youthLeague: {
    phone: '0571-88001402',
    email: 'tw@minghu.edu.cn',
    zh: { location: '大学生活动中心1楼团委办公室', hours: '工作日 8:30–11:30，14:00–17:30' },
    en: { location: 'Youth League Office, ground floor, Student Activity Centre', hours: 'Weekdays 8:30–11:30 and 14:00–17:30' },
  },
  studentAffairs: {
    phone: '0571-88001502',
    email: 'xgc@minghu.edu.cn',
    zh: { location: '综合楼1楼学生事务服务中心3号窗口', hours: '工作日 8:00–11:30，13:30–17:00' },
    en: { location: 'Window 3, Student Services Centre, ground floor, Comprehensive Building', hours: 'Weekdays 8:00–11:30 and 13:30–17:00' },
  },
  research: {
    phone: '0571-88001602',
    email: 'kjy@minghu.edu.cn',
    zh: { location: '科研楼6楼603室（知识产权与成果转化办公室）', hours: weekdayZh },
    en: { location: 'Room 603, Research Building (IP and Technology Transfer)', hours: weekdayEn },
  },
  finance: {
    phone: '0571-88001702',
    email: 'cwc@minghu.edu.cn',
    zh: { location: '行政楼1楼财务服务大厅', hours: '周一、三、五 8:30–11:30，14:00–16:30' },
    en: { location: 'Finance Service Hall, ground floor, Administration Building', hours: 'Monday, Wednesday and Friday, 8:30–11:30 and 14:00–16:30' },
  },
  housing: {
    phone: '0571-88001802',
    email: 'gyzx@minghu.edu.cn',
    zh: { location: '明湖苑服务中心（3号楼与5号楼之间）', hours: '每天 8:00–12:00，13:30–20:00' },
    en: { location: 'Minghu Residences Service Centre (between Buildings 3 and 5)', hours: 'Daily, 8:00–12:00 and 13:30–20:00' },
  },
  academicAffairs: {
    phone: '0571-88001902',
    email: 'jwc@minghu.edu.cn',
    zh: { location: '教学楼A座102室', hours: weekdayZh },
    en: { location: 'Room 102, Teaching Building A', hours: weekdayEn },
  },
  networkCentre: {
    phone: '0571-88002000',
    email: 'nic@minghu.edu.cn',
    zh: { location: '信息楼1楼服务台', hours: '工作日 8:00–17:30' },
    en: { location: 'Service Desk, ground floor, Information Building', hours: 'Weekdays 8:00–17:30' },
  },
  graduateSchool: {
    phone: '0571-88002102',
    email: 'yjsy@minghu.edu.cn',
    zh: { location: '研究生院楼203室', hours: weekdayZh },
    en: { location: 'Room 203, Graduate School Building', hours: weekdayEn },
  },
} satisfies Record<string, Desk>

export function at(desk: Desk, lang: 'zh' | 'en'): Pick<GuideText, 'contact' | 'location' | 'hours'> {
  return { contact: { phone: desk.phone, email: desk.email }, ...desk[lang] }
}

export const req = (name: string, note?: string) => (note === undefined ? { name, required: true } : { name, required: true, note })
export const opt = (name: string, note?: string) => (note === undefined ? { name, required: false } : { name, required: false, note })
export const step = (name: string, handler: string) => ({ name, handler })
