// zod schemas of the regional administrator's forms (REG-1): a new authority login.
import { z } from "zod";
import { optionalIdOf } from "@/lib/schema";
import { optionalText, requiredText } from "@/lib/people/schema";
import { AUTHORITY_ROLES, bindingProblem } from "@/lib/auth/authority/rules";

export const issueAuthoritySchema = z
  .object({
    lastName: requiredText("фамилия"),
    firstName: requiredText("имя"),
    middleName: optionalText(100),
    role: z.enum(AUTHORITY_ROLES, { error: "Выберите роль" }),
    municipalityId: optionalIdOf("Выберите муниципалитет из списка"),
  })
  .superRefine((v, ctx) => {
    const problem = bindingProblem(v.role, v.municipalityId ?? null);
    if (problem) ctx.addIssue({ code: "custom", path: ["municipalityId"], message: problem });
  });

export type IssueAuthorityInput = z.output<typeof issueAuthoritySchema>;
