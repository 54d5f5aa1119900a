package wengang.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import wengang.schemas.Months;

/** Reads --cycle as yyyy-MM (or yyyyMM) into the integer yyyyMM. */
public final class CycleConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return Months.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a month: write the cycle as yyyy-MM, e.g. 2024-01"));
    }
}
