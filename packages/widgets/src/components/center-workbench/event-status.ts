import type { RegistrationStatus, ServiceEvent } from '@smec/schemas';
import { msg } from '../../i18n/localization.js';

export function eventStatusName(status: ServiceEvent['status']): string {
  switch (status) {
    case 'draft':
      return msg('草稿', { id: 'center.event.status.draft' });
    case 'scheduled':
      return msg('已发布', { id: 'center.event.status.scheduled' });
    case 'cancelled':
      return msg('已取消', { id: 'center.event.status.cancelled' });
  }
}

export function registrationStatusName(status: RegistrationStatus): string {
  switch (status) {
    case 'confirmed':
      return msg('已确认', { id: 'center.registration.confirmed' });
    case 'waitlisted':
      return msg('候补', { id: 'center.registration.waitlisted' });
    case 'cancelled':
      return msg('已取消', { id: 'center.registration.cancelled' });
    case 'attended':
      return msg('已签到', { id: 'center.registration.attended' });
  }
}
