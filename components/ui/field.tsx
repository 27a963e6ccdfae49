"use client";
// Form fields of the kit: `Field` (label, hint, error text) around one control — `Input`,
// `Select`, `Textarea`, `DateInput` — and `Checkbox` with its label beside it. The label is a
// real <label for>, the hint and the messages are linked with aria-describedby, a refused field
// is aria-invalid. Inside an ActionForm a field shows the action's messages for its `name`.
import { createContext, useContext, useId, type ComponentProps, type ReactNode } from "react";
import { useFieldErrors } from "./form-context";
import { cx } from "./cx";

export type ControlSize = "sm" | "md";

type FieldInfo = { id: string; name?: string; describedBy?: string; invalid: boolean; size: ControlSize };

const FieldContext = createContext<FieldInfo | null>(null);

const CONTROL =
  "rounded border border-slate-300 bg-white text-slate-900 placeholder:text-slate-400 " +
  "focus:border-blue-600 focus:outline-none focus:ring-1 focus:ring-blue-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-red-600";

const CONTROL_SIZES: Record<ControlSize, string> = {
  sm: "px-1 py-0.5 text-xs",
  md: "px-2 py-1 text-sm",
};

/** The classes of a text control (for the rare control the kit does not wrap). */
export function controlClass(size: ControlSize = "md", className?: string): string {
  return cx(CONTROL, CONTROL_SIZES[size], className);
}

export type FieldProps = {
  label: ReactNode;
  /** The control's name: its messages from the enclosing ActionForm appear under it. */
  name?: string;
  hint?: ReactNode;
  /** A message of the caller's own (shown with the form's). */
  error?: string | null;
  required?: boolean;
  size?: ControlSize;
  className?: string;
  /** Label and control on one line (compact filters). */
  inline?: boolean;
  children: ReactNode;
};

export function Field({ label, name, hint, error, required, size = "md", className, inline, children }: FieldProps) {
  const id = useId();
  const formErrors = useFieldErrors(name);
  const errors = [...(error ? [error] : []), ...(formErrors ?? [])];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-err` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const labelText = size === "sm" ? "text-xs" : "text-xs font-medium";
  return (
    <div className={cx(inline ? "flex items-center gap-2" : "flex min-w-0 flex-col gap-0.5", className)}>
      <label htmlFor={id} className={cx(labelText, "text-slate-600")}>
        {label}
        {required && (
          <span aria-hidden className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      <FieldContext.Provider value={{ id, name, describedBy, invalid: errors.length > 0, size }}>
        {children}
      </FieldContext.Provider>
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-xs text-red-700">
          {errors.join("; ")}
        </p>
      )}
    </div>
  );
}

/** id, name, aria-* from the enclosing Field (own props win). */
function useControl<P extends { id?: string; name?: string; className?: string }>(
  props: P & {
    size?: ControlSize;
    "aria-describedby"?: string;
    "aria-invalid"?: ComponentProps<"input">["aria-invalid"];
  },
  extra?: string,
) {
  const field = useContext(FieldContext);
  const { size, ...rest } = props;
  const s = size ?? field?.size ?? "md";
  return {
    ...rest,
    id: props.id ?? field?.id,
    name: props.name ?? field?.name,
    "aria-describedby": props["aria-describedby"] ?? field?.describedBy,
    "aria-invalid": props["aria-invalid"] ?? (field?.invalid ? true : undefined),
    className: controlClass(s, cx(extra, props.className)),
  };
}

export type InputProps = Omit<ComponentProps<"input">, "size"> & { size?: ControlSize };

export function Input(props: InputProps) {
  return <input {...useControl(props)} />;
}

/** A calendar date (ISO value, shown by the browser in the user's locale: ДД.ММ.ГГГГ in Russian). */
export function DateInput(props: Omit<InputProps, "type">) {
  return <input type="date" {...useControl(props, "w-36")} />;
}

/** Two required dates side by side in a form (a stay, the dates to open): each a `Field` with its messages. */
export function DateRangeField({
  from,
  to,
}: {
  from: { name: string; label: string };
  to: { name: string; label: string };
}) {
  return (
    <>
      <Field label={from.label} name={from.name} required>
        <DateInput required />
      </Field>
      <Field label={to.label} name={to.name} required>
        <DateInput required />
      </Field>
    </>
  );
}

export function Textarea(props: Omit<ComponentProps<"textarea">, "size"> & { size?: ControlSize }) {
  return <textarea {...useControl(props, "w-full")} />;
}

export type Option = { value: string | number; label: ReactNode; disabled?: boolean };
export type OptionGroup = { label: string; options: Option[] };

export type SelectProps = Omit<ComponentProps<"select">, "size"> & {
  size?: ControlSize;
  options?: readonly Option[];
  groups?: readonly OptionGroup[];
  /** A first empty option («— выберите —»); `disabled` when a choice is required. */
  placeholder?: string;
  placeholderDisabled?: boolean;
};

export function Select({ options, groups, placeholder, placeholderDisabled, children, ...props }: SelectProps) {
  const opt = (o: Option) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  return (
    <select {...useControl(props)}>
      {placeholder !== undefined && (
        <option value="" disabled={placeholderDisabled}>
          {placeholder}
        </option>
      )}
      {options?.map(opt)}
      {groups?.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map(opt)}
        </optgroup>
      ))}
      {children}
    </select>
  );
}

/** Fixed values a form sends along (ids, a choice made by the button), one hidden input each. */
export function HiddenFields({ values }: { values: Readonly<Record<string, string | number>> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** A checkbox with its label to the right (no Field around it); without `label`, give it an aria-label. */
export function Checkbox({
  label,
  className,
  size = "md",
  ...props
}: Omit<ComponentProps<"input">, "type" | "size"> & { label?: ReactNode; size?: ControlSize }) {
  if (label === undefined)
    return <input type="checkbox" className={cx("h-4 w-4 accent-blue-700", className)} {...props} />;
  return (
    <label className={cx("inline-flex items-center gap-1.5", size === "sm" ? "text-xs" : "text-sm", className)}>
      <input type="checkbox" className="h-4 w-4 accent-blue-700" {...props} />
      {label}
    </label>
  );
}

/** A file chooser (attachments, imports). */
export function FileInput(props: Omit<ComponentProps<"input">, "type" | "size">) {
  const field = useContext(FieldContext);
  return (
    <input
      type="file"
      {...props}
      id={props.id ?? field?.id}
      name={props.name ?? field?.name}
      aria-describedby={props["aria-describedby"] ?? field?.describedBy}
      className={cx(
        "block text-xs text-slate-700 file:mr-2 file:rounded file:border file:border-slate-300 file:bg-white file:px-2 file:py-0.5 file:text-xs hover:file:bg-slate-50",
        props.className,
      )}
    />
  );
}

export type CellState = "idle" | "saving" | "saved" | "error";

const CELL_STATES: Record<CellState, string> = {
  idle: "",
  saving: "bg-amber-50",
  saved: "bg-green-50",
  error: "bg-red-50 ring-1 ring-red-400",
};

/** A borderless control that fills a dense table's cell (finals sheet): its save state as a tint. */
export function CellInput({
  state = "idle",
  className,
  ...props
}: Omit<ComponentProps<"input">, "size"> & { state?: CellState }) {
  return (
    <input
      {...props}
      className={cx(
        "w-14 bg-transparent px-1 py-0.5 text-center outline-none placeholder:text-slate-300 focus:ring-2 focus:ring-blue-500",
        CELL_STATES[state],
        className,
      )}
    />
  );
}
