import { amendments } from './amendments';
import { amendmentsUnanswered } from './amendmentsUnanswered';
import { book } from './book';
import { caseFile } from './caseFile';
import { catalogueData } from './catalogueData';
import { caseQueues } from './caseQueues';
import { casework } from './casework';
import { cli } from './cli';
import { common } from './common';
import { deadlines } from './deadlines';
import { desk } from './desk';
import { documentSignatures } from './documentSignatures';
import { eniExport } from './eniExport';
import { regionalCalendars } from './regionalCalendars';
import { errors } from './errors';
import { host } from './host';
import { office } from './office';
import { pdfViewer } from './pdfViewer';
import { queues } from './queues';
import { resolutions } from './resolutions';
import { shell } from './shell';
import { signing } from './signing';
import { signerIdentity } from './signerIdentity';
import { signFlow } from './signFlow';
import { tokens } from './tokens';
import { tray } from './tray';
import { notifications } from './notifications';
import { staff } from './staff';
import { training } from './training';
import { trainingRecords } from './trainingRecords';
import { trainingScenarios } from './trainingScenarios';
import { walkthrough } from './walkthrough';
import { trainer } from './trainer';

/** The Spanish catalogue is the reference: its keys are the message keys. */
export const es = {
  ...common,
  ...errors,
  ...host,
  ...queues,
  ...caseQueues,
  ...caseFile,
  ...casework,
  ...cli,
  ...signing,
  ...tokens,
  ...signFlow,
  ...deadlines,
  ...office,
  ...resolutions,
  ...book,
  ...documentSignatures,
  ...pdfViewer,
  ...tray,
  ...signerIdentity,
  ...shell,
  ...notifications,
  ...amendments,
  ...amendmentsUnanswered,
  ...staff,
  ...training,
  ...trainingScenarios,
  ...trainingRecords,
  ...walkthrough,
  ...trainer,
  ...desk,
  ...catalogueData,
  ...eniExport,
  ...regionalCalendars,
} as const;
