import { ClientFlow } from './ClientFlow';
import { ClientFlowAuditLog } from './ClientFlowAuditLog';
import { ClientFlowStats } from './ClientFlowStats';
import { ClientScreen } from './ClientScreen';
import { ClientScreenStats } from './ClientScreenStats';
import { User } from './User';
import { UserClientScreen } from './UserClientScreen';
import { UserClientScreenActionsLog } from './UserClientScreenActionsLog';
import { UserClientScreensLog } from './UserClientScreensLog';
import { UserToken } from './UserToken';
import { Visitor, VisitorUser } from './Visitor';
import {
  ClientFlowContentFile, ClientFlowImage, ContentFile, ContentFileExport, ContentFileExportPart, ContentFileTranscript, FileUpload, FileUploadPart,
  ImageFile, ImageFileExport, StoredFile, Transcript, TranscriptPhrase,
} from './Media';

export type { Breakdown } from './DailyStats';
export {
  ClientFlow, ClientFlowAuditLog, ClientFlowStats, ClientScreen, ClientScreenStats, User, UserClientScreen, UserClientScreenActionsLog, UserClientScreensLog, UserToken, Visitor, VisitorUser,
  ClientFlowContentFile, ClientFlowImage, ContentFile, ContentFileExport, ContentFileExportPart, ContentFileTranscript, FileUpload, FileUploadPart,
  ImageFile, ImageFileExport, StoredFile, Transcript, TranscriptPhrase,
};

export const ENTITIES = [
  User, UserToken, Visitor, VisitorUser, ClientScreen, ClientFlow, UserClientScreen, UserClientScreensLog, UserClientScreenActionsLog,
  ClientFlowAuditLog, ClientFlowStats, ClientScreenStats,
  StoredFile, ImageFile, ImageFileExport, ContentFile, ContentFileExport, ContentFileExportPart, Transcript, TranscriptPhrase, ContentFileTranscript,
  ClientFlowImage, ClientFlowContentFile, FileUpload, FileUploadPart,
];
